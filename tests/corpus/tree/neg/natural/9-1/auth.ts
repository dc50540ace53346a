export const client_secret = "HmacSHA256";
