client_id = "bec31caa-fb70-4ee6-963b-bdbf86f91b8f"
