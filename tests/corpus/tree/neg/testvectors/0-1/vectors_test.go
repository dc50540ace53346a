	{name: "hmac-sha256 RFC 4231 case 1 key", hex: "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"},
