var upstreamToken = "0I0MPfV#guC@vk";
var client = new HttpClient();
