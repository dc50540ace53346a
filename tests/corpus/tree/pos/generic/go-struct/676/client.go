package api

var cfg = Config{
	ServiceToken: "91b2c0ddb985a8a411ad233198649f22",
}
