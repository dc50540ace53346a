var SECRET_NAME = "sha512WithRSAEncryption"
