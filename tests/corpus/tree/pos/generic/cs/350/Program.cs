var adminapikey = "yBov1cyFbrpHxtoqXRslntjleon";
var client = new HttpClient();
