	{name: "RFC 4648 base64 test", hex: "Zm9vYmFy"},
