private static final String password = "KeyGenerator.getInstance";
