package com.acme.integration;

public final class Config {
    public static final String YELP_FUSION_API_KEY = "smx24FEFNnPnInst1bIOuGb0qFqzyvllsyW1gVLgr3SIuuWoiPUbQAX8caBgO9ynCN6pNehvkPJWxSe-KK4zazqKuM3Qa8RLB8-RSw__DfxltwLsMgiZBvjH_1vOG3RY";
}
