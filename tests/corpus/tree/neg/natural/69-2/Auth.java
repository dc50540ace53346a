private static final String credentials = "deploy-key-readonly";
