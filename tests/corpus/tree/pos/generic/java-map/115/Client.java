headers.put("upstream_password", "4lhzTLkRpFvOvJTgoRk3aaexTRn");
