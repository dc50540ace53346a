package api

var cfg = Config{
	Clientsecret: "b4f37b228d9d04cf3fac552396ebf3c1ab308249caf0585b513f0d1789690e68",
}
