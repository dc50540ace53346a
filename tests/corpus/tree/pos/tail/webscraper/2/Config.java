package com.acme.integration;

public final class Config {
    public static final String WEBSCRAPER_API_TOKEN = "w6yTVG8ssUNSa8fzWXdaxAyoFONr9n7T1u3ty6Utdi8vV7FOgQmCULGyUX62";
}
