package com.acme.integration;

public final class Config {
    public static final String internal_token = "db1daec51295905c38117cd244f02dfb";
}
