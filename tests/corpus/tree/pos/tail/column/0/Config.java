package com.acme.integration;

public final class Config {
    public static final String COLUMN_API_KEY = "live_H1nH1maDAIDCj4wm5z7Fq1Ph0U3";
}
