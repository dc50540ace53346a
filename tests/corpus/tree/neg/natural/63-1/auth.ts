export const api_token = "x-csrf-token";
