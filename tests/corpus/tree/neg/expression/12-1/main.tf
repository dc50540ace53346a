# copy 1
  password = random_password.db.result
