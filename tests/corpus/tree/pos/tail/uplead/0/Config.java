package com.acme.integration;

public final class Config {
    public static final String UPLEAD_API_KEY = "eb6b54d57e229cf9b823cf0e6c7f18b9";
}
