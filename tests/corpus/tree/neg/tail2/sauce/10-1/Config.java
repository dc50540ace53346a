package com.acme.integration;

public final class Config {
    public static final String SAUCE_ACCESS_KEY = "your-sauce-access-key";
}
