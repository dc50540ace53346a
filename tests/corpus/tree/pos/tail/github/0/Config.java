package com.acme.integration;

public final class Config {
    public static final String GITHUB_TOKEN = "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";
}
