region = "eu-central-1"
uploadaccesstoken = "RtP8yL4ufpctxgrtzh4elT1JGsUI8WQINZBk8Z69up8pe9Aw"
