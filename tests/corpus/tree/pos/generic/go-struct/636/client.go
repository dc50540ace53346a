package api

var cfg = Config{
	SmtpPassword: "YhODMcE0vjfQjf5ez9uWijW3uguCm4gcPPP4Pvo6BF20xa70",
}
