  subscription_id = "2d1035f1-224a-4d61-b59b-7238d69555d6"
