var serviceaccesstoken = "sCOwQTOvhNLWdA8Cj8atNqEoiAEhsJ5GDL";
var client = new HttpClient();
