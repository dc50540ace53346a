package com.acme

object Config {
    const val SENDINBLUE_SMTP_KEY = "xsmtpsib-9780f5a36f15d0393cdb0cd9b439bfddde7756fea518a5bb6deaa6679b814d93-OgO6D8kVVY4LeUvC"
}
