var apiToken = "<secret>";
