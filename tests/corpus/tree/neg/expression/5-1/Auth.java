# copy 1
String secret = System.getenv("CLIENT_SECRET");
