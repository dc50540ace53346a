import snowflake.connector

conn = snowflake.connector.connect(
    user='ETL_USER',
    password='OOjjidCghkgDMR7gx6k6',
    account='frjwrxv-bvkkmuo',
)
