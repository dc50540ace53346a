package com.acme.integration;

public final class Config {
    public static final String REFINER_API_KEY = "f304380c-4e98-4246-acf1-644fc34f0e7c";
}
