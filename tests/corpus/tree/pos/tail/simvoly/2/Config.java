package com.acme.integration;

public final class Config {
    public static final String SIMVOLY_API_KEY = "72667731e94cf53a4fa09de6cd87ce87";
}
