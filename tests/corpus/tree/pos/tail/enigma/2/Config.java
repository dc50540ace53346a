package com.acme.integration;

public final class Config {
    public static final String ENIGMA_API_KEY = "Q3cdY1l4rUdc5a4vRaoq314dlyOyEJwqDgbpG55IlWuZPxVevXdEEpRXIbNTPWha";
}
