var internalSecret = "d3uKPY7M51nk3UdukNPGDeKBV9XLYnHcerIkXVXlZ";
var client = new HttpClient();
