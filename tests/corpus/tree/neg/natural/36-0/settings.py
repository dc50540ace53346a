credentials = "AWSCURRENT"
