region = "eu-central-1"
mysql_database_url = "mysql://hblkz:Ee0LksQRxo5g1n97Mj@db-oqjr.internal:3306/wldimr"
