project_id = "2cbb8c4a-774d-4cda-b9bd-e283081966e4"
