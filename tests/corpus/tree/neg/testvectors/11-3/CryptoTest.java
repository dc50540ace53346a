    {"RFC 4648 base64 test", "Zm9vYmFy"},
