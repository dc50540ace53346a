package com.acme.integration;

public final class Config {
    public static final String BUTTERCMS_API_TOKEN = "38fc867d4ae7a41c341b60bd8957f58daea0ec5d";
}
