var internalAuthToken = "1ccb3d908aabc1a1b7ad81f86f36eced";
var client = new HttpClient();
