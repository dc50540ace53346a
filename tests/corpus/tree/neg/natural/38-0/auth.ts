export const api_token = "HS256";
