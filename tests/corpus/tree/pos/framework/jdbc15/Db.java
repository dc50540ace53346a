String url = "jdbc:oracle:thin:etl/Gm68Vvya1gLqaTN@ora.internal:1521/ORCLPDB1";
