var partneraccesstoken = "l7P3cyFJrZbnkRsAEik0LH8g";
var client = new HttpClient();
