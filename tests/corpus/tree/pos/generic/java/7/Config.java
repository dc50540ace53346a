package com.acme.integration;

public final class Config {
    public static final String service_auth_token = "_lc~cQ^4oG+RBT";
}
