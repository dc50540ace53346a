package com.acme.integration;

public final class Config {
    public static final String ORACLE_AUTH_TOKEN = "EOj+elAvcnWBUWjX1dId";
}
