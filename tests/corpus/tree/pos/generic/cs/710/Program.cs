var admintoken = "602960c69aa44b0b638f6341055e518956fcc740";
var client = new HttpClient();
