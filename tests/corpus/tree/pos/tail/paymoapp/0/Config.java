package com.acme.integration;

public final class Config {
    public static final String PAYMOAPP_API_KEY = "mu8so0A2jWrobHAQCVx7wwIp4t9L2hH9t14NLG6E";
}
