var payment_intent = "pi_7mhoN4MzDMIC5Dyf6RlnnxB4"
