package api

var cfg = Config{
	SmtpPassword: "Awv1Ak9RJtyPPdrGgp1RslzTlBe8sF",
}
