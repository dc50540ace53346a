region = "eu-central-1"
extractorapi_api_key = "eec796041239db398f0d3f5490bb7aefcdfba7dd"
