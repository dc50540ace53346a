String secret = System.getenv("CLIENT_SECRET");
