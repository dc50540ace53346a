package api

var cfg = Config{
	Apikey: "H?~WCpyUOo03P@1W#",
}
