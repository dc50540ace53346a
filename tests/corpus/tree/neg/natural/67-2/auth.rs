const auth_token: &str = "dependabot[bot]";
