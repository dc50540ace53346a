package com.acme.integration;

public final class Config {
    public static final String ZEROBOUNCE_API_KEY = "f195b5f7135200a6cdf084960b3db219";
}
