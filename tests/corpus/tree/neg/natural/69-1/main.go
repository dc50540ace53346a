var credentials = "deploy-key-readonly"
