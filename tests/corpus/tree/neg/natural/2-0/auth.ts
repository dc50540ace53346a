export const passwordField = "authorization_code";
