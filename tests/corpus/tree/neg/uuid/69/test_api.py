instanceId = "fbd69c07-67a9-4c5e-9375-3dd87754bd75"
