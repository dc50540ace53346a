region = "eu-central-1"
vendoraccesstoken = "eM8^BIchRkW2ylmLNa*WlL"
