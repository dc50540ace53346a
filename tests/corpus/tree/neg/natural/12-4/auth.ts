export const client_secret = "passwordResetToken";
