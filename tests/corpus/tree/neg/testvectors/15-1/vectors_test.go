	{name: "RFC 7748 X25519 Alice private", hex: "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"},
