var serviceAuthToken = "NCEAVvRsA6uOyfIZjUh1mZQra";
var client = new HttpClient();
