customer_id = "cus_bBsa77VJsIABtm"
