headers.put("api_secret", "ESpTYkRdE6xmi2EhZvpNnvv2eHrNeewn");
