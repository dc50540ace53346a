import pyodbc
conn = pyodbc.connect("Driver={Amazon Redshift (x64)};Server=dw.abc123.eu-west-1.redshift.amazonaws.com;Database=dev;UID=etl;PWD=A.wrhRkA7Y@W556@vMQdeQ;Port=5439")
