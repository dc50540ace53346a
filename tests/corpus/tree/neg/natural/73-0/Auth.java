private static final String apiKey = "repo,workflow,read:packages";
