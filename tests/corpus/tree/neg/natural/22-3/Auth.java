private static final String token = "Opaque";
