  client_id = "d68b2c17-a663-4a38-9394-ffec4632f7e4"
