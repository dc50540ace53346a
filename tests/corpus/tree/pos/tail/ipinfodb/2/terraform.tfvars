region = "eu-central-1"
ipinfodb_api_key = "47ffe472650654b1c25fda13b400bd2db12e3b0ab040db6e7f554ff4e6abbde5"
