var authaccesstoken = "aafb88eaef624b3901c2a5a77f3aed1300b4b669";
var client = new HttpClient();
