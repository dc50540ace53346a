package api

var cfg = Config{
	RedisPassword: "uox4cNe6MLYvcclUUvocBTHU7i1jEDfYrJduSdRAwuGpSqFK",
}
