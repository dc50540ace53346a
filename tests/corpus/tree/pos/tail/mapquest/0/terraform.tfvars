region = "eu-central-1"
mapquest_key = "bzQsSEOQaxAYHM8yEw0kGmyqZkotquCI"
