String url = "jdbc:postgresql://pg.internal:5432/app?user=app&password=W3FeopMN7cDK8YmoKJfk&sslmode=require";
