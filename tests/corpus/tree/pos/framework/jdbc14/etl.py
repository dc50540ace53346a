JDBC_URL = "jdbc:sqlserver://sql.internal:1433;databaseName=erp;user=etl;password=ZsGDOBnuuISMm3dv2bR;encrypt=true"
