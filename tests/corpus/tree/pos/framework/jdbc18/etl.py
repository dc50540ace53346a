JDBC_URL = "jdbc:mysql://db.internal:3306/shop?user=etl&password=DODSpF90H0F41y9AV9nRH&useSSL=true"
