package com.acme.integration;

public final class Config {
    public static final String CAMPAYN_API_KEY = "f757206d7ee457a359939caea821289fd98a7b04f432b56745ff1f21815419b5";
}
