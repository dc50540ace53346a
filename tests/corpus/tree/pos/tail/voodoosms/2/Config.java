package com.acme.integration;

public final class Config {
    public static final String VOODOOSMS_API_KEY = "BuL4vUmv3jQYk3RgxB9YsHMgmMjSkML9";
}
