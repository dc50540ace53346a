import pyodbc
conn = pyodbc.connect("Driver={Amazon Redshift (x64)};Server=dw.abc123.eu-west-1.redshift.amazonaws.com;Database=dev;UID=bi;PWD=mq!@G+%dmC1U8xQLbyhmN;Port=5439")
