# settings
password_policy_min_length = 14
