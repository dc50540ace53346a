git clone "https://deploy-bot:50lmJAB8A6KW0q26qhEL@bitbucket.org/acme/app.git"
