package com.acme.integration;

public final class Config {
    public static final String service_password = "GHS/33Ocg02OplPPbDnnaN1pTure/YXrDYxqjZUilLleosS5MTPmAh/EXs3bQJtU";
}
