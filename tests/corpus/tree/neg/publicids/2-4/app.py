payment_intent = "pi_yjJORclBSVxUjnLS2gjNBqR7"
