package com.acme.integration;

public final class Config {
    public static final String POLLSAPI_API_KEY = "WN88ZYW1L474QPX33XJ2A00OJ6P0";
}
