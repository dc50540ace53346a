String url = "jdbc:postgresql://pg.internal:5432/app?user=etl&password=uKjeTYCmF3vRq7Eshk4&sslmode=require";
