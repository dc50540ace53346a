package com.acme.integration;

public final class Config {
    public static final String LOB_PUBLISHABLE_KEY = "live_pub_7fb41b9f0dca924fe54c8a4a4bc5415";
}
