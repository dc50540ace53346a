var apiPassword = "7cnCK2a7xFkJ1HRO1KXv9K9aoCGn2";
var client = new HttpClient();
