region = "eu-central-1"
dependency_track_project_uuid = "08448379-ba0e-4d4c-9b09-25de950da13f"
