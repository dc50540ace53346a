    {"hmac-sha256 RFC 4231 case 1 key", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"},
