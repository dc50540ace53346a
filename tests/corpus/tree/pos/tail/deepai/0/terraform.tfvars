region = "eu-central-1"
deepai_api_key = "823628a1-72b6-4871-a3ed-263acc1f06cd"
