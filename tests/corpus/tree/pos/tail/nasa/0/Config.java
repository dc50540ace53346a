package com.acme.integration;

public final class Config {
    public static final String NASA_API_KEY = "I5AypcKfsBD2WTlOyguU2YFaD1QHj86UiIAMXn2a";
}
