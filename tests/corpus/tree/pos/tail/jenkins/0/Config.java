package com.acme.integration;

public final class Config {
    public static final String JENKINS_API_TOKEN = "113339239b65a387cb8d190d395ed87ce5";
}
