package com.acme.integration;

public final class Config {
    public static final String CLOJARS_DEPLOY_TOKEN = "CLOJARS_9187b36a6ffc9e0100f2043c4cb3f3618c06d46c9651cac595ebf88f7c4f";
}
