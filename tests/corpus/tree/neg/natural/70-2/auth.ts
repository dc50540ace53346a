export const client_secret = "openid profile email";
