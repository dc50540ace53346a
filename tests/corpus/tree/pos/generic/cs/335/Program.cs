var servicePassword = "%k9K859bQxC*hTXt";
var client = new HttpClient();
