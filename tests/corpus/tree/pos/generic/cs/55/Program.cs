var upstreamToken = "dpZexjNx0oxj0m1Ou0vSzAAZwD1PUm6U6FT2m+Qw/P/c";
var client = new HttpClient();
