import pyodbc
conn = pyodbc.connect("Driver={Amazon Redshift (x64)};Server=dw.abc123.eu-west-1.redshift.amazonaws.com;Database=dev;UID=bi;PWD=?aOrTBkxD%7yRQB.;Port=5439")
