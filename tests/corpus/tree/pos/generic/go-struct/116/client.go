package api

var cfg = Config{
	BearerToken: "L-BWLUc2ejK?ecX",
}
