region = "eu-central-1"
swiftype_app_search_public_key = "search-ass8clqmj4uw2t057nod2j9b"
