GITLAB_TOKEN = "glpat-abcdefghijklmnopqrst"
