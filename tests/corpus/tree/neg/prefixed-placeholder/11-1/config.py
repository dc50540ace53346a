GITLAB_TOKEN = "glpat-xxxxxxxxxxxxxxxxxxxx"
