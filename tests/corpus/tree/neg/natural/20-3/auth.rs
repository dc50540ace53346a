const apiKey: &str = "ValidatePasswordStrength";
