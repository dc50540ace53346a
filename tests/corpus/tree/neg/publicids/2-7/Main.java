String payment_intent = "pi_w0JeqXKUPyTiRoxaLV9OAOJB";
