headers.put("upstream_token", "21a8efac9b4491055bea7a44795da49f");
