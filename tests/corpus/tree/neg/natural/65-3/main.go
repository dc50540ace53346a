var passwordField = "keycloak-admin-cli"
