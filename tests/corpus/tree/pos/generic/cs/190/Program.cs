var partnerkey = "6700e5c0e0960f4b93d4beb1ffd149118e6a40fa";
var client = new HttpClient();
