  subscription_id = "db53731e-e475-4f85-8359-637a60d918d6"
