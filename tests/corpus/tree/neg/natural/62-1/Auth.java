private static final String refreshToken = "__RequestVerificationToken";
