var apiPassword = "2CpD#!U0l2wy38LvQ7R5J^8";
var client = new HttpClient();
