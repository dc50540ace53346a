package com.acme.integration;

public final class Config {
    public static final String SCREENSHOTAPI_TOKEN = "PACGK3O-IBB9YR5-Q7SMJ5I-VQ4XQYM";
}
