package com.acme.integration;

public final class Config {
    public static final String IBM_CLOUD_API_KEY = "oOX7-ZdgvbRd8pc5jkNSrBQzZWyueCXo8wkXwjLGgyHZ";
}
