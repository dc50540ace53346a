package com.acme.integration;

public final class Config {
    public static final String DOPPLER_SERVICE_TOKEN = "dp.st.prd.rTWSaQorRjxkt3cEclUIwevmaU0vAyhI7FAHiDYkpUA";
}
