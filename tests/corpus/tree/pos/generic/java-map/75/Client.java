headers.put("service_token", "38fe243102d366499010df2f29c9f2b23116c318fdfaffe2806d5b9d8c958baf");
