const refreshToken: &str = "bcrypt";
