package com.acme.integration;

public final class Config {
    public static final String upstream_password = "6EfoMGxKMaLWFUrFWJ06zv7dooH79xdn7RHI";
}
