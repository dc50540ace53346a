GITHUB_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"
