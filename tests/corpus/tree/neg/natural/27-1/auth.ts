export const SECRET_NAME = "application/x-www-form-urlencoded";
