git clone "https://deploy-bot:Pwx7h3QymXLtz4O2AaQk@bitbucket.org/acme/app.git"
