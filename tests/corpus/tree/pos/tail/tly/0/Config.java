package com.acme.integration;

public final class Config {
    public static final String TLY_API_TOKEN = "Ghh09DavRE1xtyqhjB6Sei27kx23yQqGx2HrMIiEJ2F4UKuftMBFMavsaLIw";
}
