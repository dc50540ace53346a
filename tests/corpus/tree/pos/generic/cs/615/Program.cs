var partnerToken = "kuY12q3bQwEyPoLWPvfyjiOd8AHUYW7k";
var client = new HttpClient();
