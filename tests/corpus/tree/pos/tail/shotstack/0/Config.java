package com.acme.integration;

public final class Config {
    public static final String SHOTSTACK_API_KEY = "Z2jJC2af8koLbYHjJWz7VeJa6vjdR10oAfL6vghf";
}
