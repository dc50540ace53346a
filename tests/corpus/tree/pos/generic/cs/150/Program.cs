var adminapikey = "WBLUUeyYNW56wQQrs1aWSMRChNwZNS+XzjwIZKcbW/sH";
var client = new HttpClient();
