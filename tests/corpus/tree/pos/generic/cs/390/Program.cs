var refreshsecret = "ff8f9340f448e290a337aa51edcccfa0";
var client = new HttpClient();
