package com.acme.integration;

public final class Config {
    public static final String BESTTIME_API_KEY_PRIVATE = "pri_34ec2978b58e58c007b6453805b7096b";
}
