package com.acme.integration;

public final class Config {
    public static final String SCRAPINGANT_API_KEY = "8d72a5fc407602135c1a198850f91831";
}
