export const API_KEY = "api-key-header";
