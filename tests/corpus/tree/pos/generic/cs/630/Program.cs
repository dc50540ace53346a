var authapikey = "f4428741f6535efdcc1f371e316371dd15b4427a745fe7a1af3de640642aa4a7";
var client = new HttpClient();
