private val partnerToken = "apFLbnQ8P0nM6eZEIZa/Qugs0LaKuCTItH8MUqpHA2U="
