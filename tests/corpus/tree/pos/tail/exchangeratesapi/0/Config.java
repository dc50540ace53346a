package com.acme.integration;

public final class Config {
    public static final String EXCHANGERATESAPI_ACCESS_KEY = "6210ec3720ccbe42184c42038cdc8da3";
}
