package api

var cfg = Config{
	ApiKey: "BWNMIBW0G9jmgioNVkMo5cvDd8nQ/6iupwF/hXj1",
}
