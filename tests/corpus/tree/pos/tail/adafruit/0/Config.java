package com.acme.integration;

public final class Config {
    public static final String ADAFRUIT_IO_KEY = "aio_HlSyEtMXTcAjZCpf4JacvRscSTXC";
}
