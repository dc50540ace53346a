const SECRET_NAME: &str = "HmacSHA256";
