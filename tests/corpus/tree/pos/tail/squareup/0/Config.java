package com.acme.integration;

public final class Config {
    public static final String SQUAREUP_APPLICATION_SECRET = "sq0csp-GtLuvOzna9MKzstSQgz-fnjDRKhZhbh9uGl0em8gn0_";
}
