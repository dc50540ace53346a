private val serviceKey = "aajDlK0e6DGPNVNTRkpJwjSW84a"
