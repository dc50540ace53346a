	{name: "RFC 4231 case 1 HMAC-SHA-256", hex: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
