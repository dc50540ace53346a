package api

var cfg = Config{
	Passwd: "YZNDZ2xwrQb6VvFVXF2hSHUbGOXVhsHu",
}
