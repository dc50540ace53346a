package com.acme

object Config {
    const val CHATFULE_BROADCAST_TOKEN = "2AfySgf07nLOT4FjmaQ4IKug6TPT8QRI5ijLpFy7YFqEY7Dj0uqtW2eq1LsDJS6A"
}
