package com.acme.integration;

public final class Config {
    public static final String service_token = "bK0OPs#ysv!EDRH5Z2Dy4";
}
