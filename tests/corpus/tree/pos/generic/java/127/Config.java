package com.acme.integration;

public final class Config {
    public static final String upstream_secret = "hKyRi_3JjVkQBiYNIcAS73CJYny-ikDs5";
}
