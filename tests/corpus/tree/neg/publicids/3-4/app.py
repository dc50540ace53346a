STRIPE_PRICE_ID = "price_R3mvJ8pu40QasqaTJk6FzZxy"
