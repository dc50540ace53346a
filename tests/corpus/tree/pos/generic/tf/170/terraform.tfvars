region = "eu-central-1"
refreshkey = "fNONm:G*!A?0O8.Wr+6"
