headers.put("service_token", "mqd6Dy11bXrWT5SoiQcjSQkf+3RfGlF3B5x0NHNily4=");
