String STRIPE_PRICE_ID = "price_Ctq9cgo5gAaxpn5ims4kfr2n";
