export const secret = "bcrypt";
