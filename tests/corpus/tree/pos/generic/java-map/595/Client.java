headers.put("partner_password", "~+I&KM79P9U=*4CWIQdN1b!8");
