package com.acme.integration;

public final class Config {
    public static final String FLUTTERWAVE_TEST_SECRET_KEY = "FLWSECK_TEST-6c90411468d174e780171ff6b76f8800-X";
}
