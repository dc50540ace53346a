REFRESHTOKEN="validateApiKeyFormat"
