String url = "jdbc:oracle:thin:report/M6htrvE9aZ5glo@ora.internal:1521/ORCLPDB1";
