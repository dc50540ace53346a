package com.acme.integration;

public final class Config {
    public static final String LINKEDIN_CLIENT_ID = "xz1olpxwuunx91";
}
