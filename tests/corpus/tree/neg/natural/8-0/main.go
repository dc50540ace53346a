var signing_key = "SHA256withRSA"
