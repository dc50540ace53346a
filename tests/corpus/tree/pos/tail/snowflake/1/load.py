import snowflake.connector

conn = snowflake.connector.connect(
    user='ETL_USER',
    password='kAMqQ1KYWpdrcQ6OkyXU',
    account='wnuhmoq-xhuerxb',
)
