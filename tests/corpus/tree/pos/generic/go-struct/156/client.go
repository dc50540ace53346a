package api

var cfg = Config{
	AuthToken: "XpanjiCidL3xphgtKKr8_B5VPOVhIgEXjZJEmjnXnyutY_",
}
