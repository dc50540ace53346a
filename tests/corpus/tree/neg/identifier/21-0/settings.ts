// settings
DEFAULT_PASSWORD_VALIDATOR = "AttributeSimilarityValidator"
