# copy 2
  password = random_password.db.result
