package com.acme.integration;

public final class Config {
    public static final String service_token = "4753c2ecd903c488ff993bff978e1491";
}
