credentials = "api_key_rotation_days"
