var deploykey = "Fp5i7Zm1HXriCKf+ttQ7fE58k6UDSA844goAjm6DTTzd";
var client = new HttpClient();
