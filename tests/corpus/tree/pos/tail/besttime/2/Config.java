package com.acme.integration;

public final class Config {
    public static final String BESTTIME_PRIVATE_KEY = "pri_c3a8066e3beac922b77a3c346d8e25ef";
}
