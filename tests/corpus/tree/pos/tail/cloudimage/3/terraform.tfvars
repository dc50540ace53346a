region = "eu-central-1"
cloudimage_api_key = "f062ysPK4gOHHaCvxYWXRqZrc4gcs0YP"
