package api

var cfg = Config{
	Clientsecret: "da85baea9d6aad0bcb20681b84e94fbf",
}
