package com.acme.integration;

public final class Config {
    public static final String FILEIO_API_KEY = "4AAX1P8D.205NGBO-YT3OUN4-WJTH5RV-CEZO349";
}
