private val gatewayToken = "5cad87a19d185a7d71aaedf3e047fb15"
