package com.acme.integration;

public final class Config {
    public static final String MAILMODO_API_KEY = "ZZ7J4O2-FIIYH58-3UQUW69-NBYUOCX";
}
