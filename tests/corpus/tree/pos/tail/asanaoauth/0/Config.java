package com.acme.integration;

public final class Config {
    public static final String ASANAOAUTH_CLIENT_SECRET = "0b3de9032e4dcefa24372fc7fc8bbe69";
}
