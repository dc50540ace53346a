package com.acme.integration;

public final class Config {
    public static final String WEBFLOW_API_TOKEN = "663d324c6b6ec851305d0c164f80eed870bb5a714bcb5849d6275e9a75ee565e";
}
