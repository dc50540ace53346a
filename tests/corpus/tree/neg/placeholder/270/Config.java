String apiToken = "%API_TOKEN%";
