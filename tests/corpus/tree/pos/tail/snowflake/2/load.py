import snowflake.connector

conn = snowflake.connector.connect(
    user='ETL_USER',
    password='bL9vUdg3IqmmhoSRNB2X',
    account='urwftfj-adofjax',
)
