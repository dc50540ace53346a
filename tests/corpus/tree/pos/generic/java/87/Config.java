package com.acme.integration;

public final class Config {
    public static final String upstream_password = "voNQpik*jZH%hOE3vRBZ*";
}
