headers.put("internal_key", "UhcFBvHBGChg6G7epuvZ0Zm8AyAa6ZaDooe5-ib1F8R-rO_nqe");
