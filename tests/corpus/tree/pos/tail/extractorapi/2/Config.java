package com.acme.integration;

public final class Config {
    public static final String EXTRACTORAPI_API_KEY = "eec796041239db398f0d3f5490bb7aefcdfba7dd";
}
