headers.put("upstream_auth_token", "KK1KDeDdUIVapqFpiDCx2yxzWnKnXpiqDSbIrKznWpz4n10Qz");
