package api

var cfg = Config{
	AccessKey: "cJVG9i8N30s0Idi9CplqZ19yzN7pDPUdD0lXLvHp",
}
