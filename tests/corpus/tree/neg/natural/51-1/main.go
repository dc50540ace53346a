var accessToken = "KeyGenerator.getInstance"
