var adminaccesstoken = "f342ef3801c639590e52af73226fb532";
var client = new HttpClient();
