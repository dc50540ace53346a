package com.acme.integration;

public final class Config {
    public static final String BUILDKITE_API_TOKEN = "bkua_81733a5951874608a41bdbe7f3499700a0b47ca5";
}
