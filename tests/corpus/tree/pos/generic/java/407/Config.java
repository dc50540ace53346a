package com.acme.integration;

public final class Config {
    public static final String upstream_key = "cGUbbnVMRUpSRAhqdSL7Z400zuEVsPIEpe";
}
