var internalToken = "ik5uWAjengodA7sMAYVGAmKDd8lgHph44UXzI";
var client = new HttpClient();
