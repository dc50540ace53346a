JDBC_URL = "jdbc:sqlserver://sql.internal:1433;databaseName=erp;user=app;password=53pcYp0k7NJ4W;encrypt=true"
