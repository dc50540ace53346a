package com.acme.integration;

public final class Config {
    public static final String DATADOG_API_KEY = "e652f94d2ea9660a75a91f632c43c591";
}
