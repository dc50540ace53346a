headers.put("api_token", "2_fc7f.3m#cnWnkA!Js1t1eX7M");
