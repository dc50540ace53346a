package com.acme.integration;

public final class Config {
    public static final String MANDRILL_API_KEY = "md-vdND8zAQvztxy7_ZIh1dCe";
}
