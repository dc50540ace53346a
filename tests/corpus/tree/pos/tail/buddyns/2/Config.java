package com.acme.integration;

public final class Config {
    public static final String BUDDYNS_API_TOKEN = "b296dac57b8a85882a03f8f7622070c4c2106c24";
}
