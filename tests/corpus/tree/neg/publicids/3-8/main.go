var STRIPE_PRICE_ID = "price_AR9tNm3nnf3IF8mCRxdIuSoV"
