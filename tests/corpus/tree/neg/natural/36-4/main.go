var passwordField = "AWSCURRENT"
