headers.put("partner_key", "069cedbcf5e690dd92b4d3a1286d2cb4");
