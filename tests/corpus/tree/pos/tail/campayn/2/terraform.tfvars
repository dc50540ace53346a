region = "eu-central-1"
campayn_api_key = "f757206d7ee457a359939caea821289fd98a7b04f432b56745ff1f21815419b5"
