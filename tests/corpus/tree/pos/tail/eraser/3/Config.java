package com.acme.integration;

public final class Config {
    public static final String ERASER_API_TOKEN = "Di6zOKuy0uCpgv4dDU5q";
}
