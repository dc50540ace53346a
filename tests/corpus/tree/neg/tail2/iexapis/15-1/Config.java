package com.acme.integration;

public final class Config {
    public static final String IEXAPIS_PUBLISHABLE_TOKEN = "pk_b1ca411db1f73d7c3cef0a5fd3240985";
}
