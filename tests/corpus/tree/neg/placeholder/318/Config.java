String apiToken = "<secret>";
