import snowflake.connector

conn = snowflake.connector.connect(
    user='ETL_USER',
    password='bhZa77isgAOmZzUq5VMQ',
    account='vnntycu-jtilbvh',
)
