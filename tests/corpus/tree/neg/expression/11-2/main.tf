# copy 2
  password = var.db_password
