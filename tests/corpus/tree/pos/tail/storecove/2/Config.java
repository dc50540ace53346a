package com.acme.integration;

public final class Config {
    public static final String STORECOVE_API_KEY = "ie6wmVF4vbZGKbIXD4NmyR9alUa_Br_dJq7zx5_vqjU";
}
