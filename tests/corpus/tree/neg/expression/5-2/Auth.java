# copy 2
String secret = System.getenv("CLIENT_SECRET");
