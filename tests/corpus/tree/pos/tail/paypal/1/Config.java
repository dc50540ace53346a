package com.acme.integration;

public final class Config {
    public static final String PAYPAL_CLIENT_SECRET = "s3RvcvIMqddlmvq9hVWszW3f6eAXDTh15eCtZEDll4ozuwUcYddyHfEU-NP3vw6Wakh6ePYiGGSp2At8";
}
