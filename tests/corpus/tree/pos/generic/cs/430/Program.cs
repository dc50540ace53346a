var servicetoken = "0xUQ1vFX7awDxyPYM4k1UWbgHqpwmQo6lsS1qTE16mA";
var client = new HttpClient();
