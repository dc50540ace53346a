package com.acme.integration;

public final class Config {
    public static final String service_auth_token = "sSsv2pfs=NHg2S#F6yn";
}
