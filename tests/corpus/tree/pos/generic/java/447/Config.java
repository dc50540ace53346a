package com.acme.integration;

public final class Config {
    public static final String internal_secret = "3s5SEWB_XFbuCHcKAvnvNkMUnq8X6Vbxhsvky1F6FXTPt2e-Uz2Q";
}
