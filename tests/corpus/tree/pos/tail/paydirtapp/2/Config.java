package com.acme.integration;

public final class Config {
    public static final String PAYDIRTAPP_API_KEY = "c85c5ac74ec4203b93587ba2a51813da";
}
