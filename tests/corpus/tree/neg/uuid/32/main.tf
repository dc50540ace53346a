  project_id = "9372b169-a2db-40da-b914-50c448bec02f"
