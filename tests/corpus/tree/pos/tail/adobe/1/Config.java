package com.acme.integration;

public final class Config {
    public static final String ADOBE_CLIENT_SECRET = "p8e-B5ykwhFscw2DsUU1WUV2eafdFQtyUo9e";
}
