DATABASE_URL = "mongodb://report:RzUIniVTk@T6_Pb6fWgp@db.internal:3675/0"
