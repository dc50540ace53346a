var backendapikey = "42d066551d93728fe1ebc07051758199b32af3a3";
var client = new HttpClient();
