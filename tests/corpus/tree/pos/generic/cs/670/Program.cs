var slackapikey = "7F5Xzf7q3dR1gD3zo3BNXrklF7FeTOaLHfoUIQZfTevP";
var client = new HttpClient();
