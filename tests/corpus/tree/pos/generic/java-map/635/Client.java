headers.put("api_token", "78c874df6b3f6c49bd99d1c3a65f8f34390ad751");
