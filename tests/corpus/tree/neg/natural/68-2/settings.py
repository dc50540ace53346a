refreshToken = "ci-service-account"
