const string secret = "passwordResetToken";
