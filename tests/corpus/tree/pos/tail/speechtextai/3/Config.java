package com.acme.integration;

public final class Config {
    public static final String SPEECHTEXTAI_API_KEY = "1e474c8be1fd568268d227eb9c514858";
}
