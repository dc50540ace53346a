package com.acme.integration;

public final class Config {
    public static final String SAUCE_ACCESS_KEY = "ed497937-9220-430f-9bda-288bdfe7b036";
}
