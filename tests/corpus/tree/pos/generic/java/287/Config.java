package com.acme.integration;

public final class Config {
    public static final String upstream_secret = "psXezh38dANUUxVM+Av635LsbHRbEntq";
}
