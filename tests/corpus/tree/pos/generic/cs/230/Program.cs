var authkey = ":k-nF5Rq?TL16ixR6OqYg4H";
var client = new HttpClient();
