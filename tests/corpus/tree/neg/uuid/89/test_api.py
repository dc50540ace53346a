correlationId = "a789dce7-587a-4d4d-976f-a1562f45dae2"
