region = "eu-central-1"
scrutinizerci_access_token = "eb4d939e1e24662159e7c07c4f387e576c908b8107047f736a8a38446c38f12e"
