var authsecret = "259ad445a83c644107147336ea5292757df826817b6ac7fdd3cdb8e46bff4731";
var client = new HttpClient();
