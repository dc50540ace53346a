export const SECRET_NAME = "ValidatePasswordStrength";
