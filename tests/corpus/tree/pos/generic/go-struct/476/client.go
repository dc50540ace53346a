package api

var cfg = Config{
	SigningSecret: "21d493623e58669b0d5c9b7eb0da3320fd415e3011a01ff7b1d21ec22abcf85e",
}
