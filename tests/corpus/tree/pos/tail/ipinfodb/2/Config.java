package com.acme.integration;

public final class Config {
    public static final String IPINFODB_API_KEY = "47ffe472650654b1c25fda13b400bd2db12e3b0ab040db6e7f554ff4e6abbde5";
}
