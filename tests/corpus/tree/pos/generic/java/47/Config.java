package com.acme.integration;

public final class Config {
    public static final String service_auth_token = "lemn2nkBACMXAn4lL1BqIptnh1wts6+Z";
}
