val secret_key = "ValidatePasswordStrength"
