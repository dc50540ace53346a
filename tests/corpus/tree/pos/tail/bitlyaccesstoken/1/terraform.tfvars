region = "eu-central-1"
bitlyaccesstoken_access_token = "f81e31ba8628d60a2b98bfc40900083f19b22dff"
