headers.put("upstream_key", "LjLs5mqpYxjgfAzlunFcpQctu9oj2ASdwsZRA7");
