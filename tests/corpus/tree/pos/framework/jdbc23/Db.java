String url = "jdbc:mariadb://maria.internal:3306/app?user=report&password=GE468rxkkkUvUjaHpe";
