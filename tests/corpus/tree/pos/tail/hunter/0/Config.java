package com.acme.integration;

public final class Config {
    public static final String HUNTER_API_KEY = "07a8d2a4898c85de45332c209c8d60bdb5856311";
}
