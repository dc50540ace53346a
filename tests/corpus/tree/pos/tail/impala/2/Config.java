package com.acme.integration;

public final class Config {
    public static final String IMPALA_API_KEY = "H3cNaYwmAF21EiY9qsMrdMj2";
}
