const string signing_key = "vault-agent-injector";
