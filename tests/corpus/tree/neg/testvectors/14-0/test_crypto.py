    ("RFC 8032 Ed25519 test 1 secret key", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
