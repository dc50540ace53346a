JDBC_URL = "jdbc:redshift://warehouse.abc123xyz.eu-west-1.redshift.amazonaws.com:5439/dev?user=app&password=7Pv8wRvCOrIvNRFJe7b"
