JDBC_URL = "jdbc:mysql://db.internal:3306/shop?user=app&password=Rhglu5pdATKrd0C&useSSL=true"
