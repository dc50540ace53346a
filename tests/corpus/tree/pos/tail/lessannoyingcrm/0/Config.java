package com.acme.integration;

public final class Config {
    public static final String LESSANNOYINGCRM_API_KEY = "545232-oEgdk3Ghs8EjJYtL2BH9MiglV82U8mypU0rmpsl1s3GfEtm8cv";
}
