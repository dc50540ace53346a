package com.acme.integration;

public final class Config {
    public static final String GROQ_API_KEY = "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";
}
