package com.acme.integration;

public final class Config {
    public static final String api_auth_token = "9c040862bbf64c1dc423987cf1a7583d94973513";
}
