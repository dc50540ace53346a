import pyodbc
conn = pyodbc.connect("Driver={Amazon Redshift (x64)};Server=dw.abc123.eu-west-1.redshift.amazonaws.com;Database=dev;UID=etl;PWD=xbpN94qM23=i0rocpCz5;Port=5439")
