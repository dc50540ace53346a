package com.acme.integration;

public final class Config {
    public static final String POSTMARK_SERVER_TOKEN = "014a5315-2840-4e6f-a246-d76371835ddc";
}
