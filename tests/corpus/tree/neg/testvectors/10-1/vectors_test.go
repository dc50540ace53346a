	{name: "RFC 2202 HMAC-MD5 case 2 key", hex: "Jefe"},
