var upstreamSecret = "df9850016d2b3a734a55cdfe3fccec95";
var client = new HttpClient();
