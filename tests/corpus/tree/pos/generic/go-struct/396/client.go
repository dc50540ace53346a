package api

var cfg = Config{
	Password: "r7Tq96SAMq6FV1T8Q2ZF8rsDOoTMPIAHfQTFvsRZOrz4XP",
}
