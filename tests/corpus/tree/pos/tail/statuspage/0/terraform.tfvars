region = "eu-central-1"
statuspage_api_key = "d1e0c07d-02de-4db7-8024-68b4e6c03c70"
