request_id = "83fd3c7e-2c49-461b-900e-8ee837852865"
