var password = "Opaque"
