String customer_id = "cus_0ajxVj6PdUi12E";
