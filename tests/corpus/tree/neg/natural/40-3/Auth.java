private static final String password = "sha512WithRSAEncryption";
