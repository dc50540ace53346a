  client_id = "fe8553ae-e3ce-4348-b2ca-b0e61b0482ad"
