package api

var cfg = Config{
	AdminPassword: "@23y4rAtIF21OQC.OOe",
}
