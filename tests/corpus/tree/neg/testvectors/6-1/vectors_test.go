	{name: "MD5 of empty string", hex: "d41d8cd98f00b204e9800998ecf8427e"},
