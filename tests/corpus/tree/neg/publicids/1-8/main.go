var customer_id = "cus_xUZHFCNEWbeBDY"
