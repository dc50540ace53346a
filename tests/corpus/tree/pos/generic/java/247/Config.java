package com.acme.integration;

public final class Config {
    public static final String api_key = "LCVz7dSJoRfAa70yjh9ul5OS1";
}
