package com.acme.integration;

public final class Config {
    public static final String ONFLEET_API_KEY = "41d2416e3e419c6afd7b0f86e47fdbbc";
}
