headers.put("partner_key", "2b9e1612b22e691c25723ce1edb728c5");
