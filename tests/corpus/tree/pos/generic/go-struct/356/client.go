package api

var cfg = Config{
	BearerToken: "rCHjTYpW1PW/K+B+iU7ltdyA//ITKRpuPuifynjYPA1Sd7W0ALRGrrOoL904tkfR",
}
