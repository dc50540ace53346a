package com.acme.integration;

public final class Config {
    public static final String api_password = "Dp^R5E1z:vQ%+Ow+r#r";
}
