signing_key = "kubernetes.io/service-account-token"
