package com.acme.integration;

public final class Config {
    public static final String service_secret = "7a3560d13f119a4ac5ac09796ccc1e0d2a3b0f26e6bc0113dd93cb8ce9da831a";
}
