String url = "jdbc:mariadb://maria.internal:3306/app?user=app&password=Ii9JujN2n4wmHaPZoRU";
