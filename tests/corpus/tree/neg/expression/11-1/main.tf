# copy 1
  password = var.db_password
