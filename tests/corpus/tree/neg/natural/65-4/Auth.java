private static final String signing_key = "keycloak-admin-cli";
