var upstreamAuthToken = "210071c0fb5f9b3da3310fcac3815cac";
var client = new HttpClient();
