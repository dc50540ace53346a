subscription_id = "061e421e-24e1-4b68-92e5-05680a90e9f7"
