  project_id = "539a77f1-4569-4c01-a2c8-7a3c1b76967a"
