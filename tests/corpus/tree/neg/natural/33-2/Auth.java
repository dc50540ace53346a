private static final String client_secret = "ServiceAccountTokenVolumeProjection";
