var botaccesstoken = "b01fca040893cc495ea7f0666d401e1405fccede";
var client = new HttpClient();
