package com.acme.integration;

public final class Config {
    public static final String upstream_key = "0bf75fff2a5f381ea2ea63382cb68003420b7504";
}
