package api

var cfg = Config{
	GatewayToken: "YiuUxWLmwZuTyGmeBzm5zLG4K9JtbWJSeCX2avcDq3dNkoKimSM",
}
