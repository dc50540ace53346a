var internalKey = "2a1eac16fca482488b52579cef7e474331bf5b79";
var client = new HttpClient();
