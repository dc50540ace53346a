region = "eu-central-1"
truenas_api_key = "1-FeLRAP0E3yvS2AQhXb4KNBgfAUjsYjkItq5PZZYBG2WRmQBA2BbnfCF70H8fiYB5"
