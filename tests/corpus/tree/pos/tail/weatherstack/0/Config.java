package com.acme.integration;

public final class Config {
    public static final String WEATHERSTACK_ACCESS_KEY = "632b3dd814df64fd8de26a8dc96d3595";
}
