package com.acme.integration;

public final class Config {
    public static final String DATAGOV_API_KEY = "hiAJwH873DTkmrdedYcEV4edSpcqIln7hygFX70M";
}
