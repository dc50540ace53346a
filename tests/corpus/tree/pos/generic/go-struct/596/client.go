package api

var cfg = Config{
	Clientsecret: "--2=Cg7uftVX_=",
}
