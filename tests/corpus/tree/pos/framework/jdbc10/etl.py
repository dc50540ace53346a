JDBC_URL = "jdbc:redshift://warehouse.abc123xyz.eu-west-1.redshift.amazonaws.com:5439/dev?user=etl&password=JTXcgU9aMltquTfgUx"
