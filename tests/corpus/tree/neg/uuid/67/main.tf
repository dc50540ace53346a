  workspace_id = "9fcf07a1-8c41-469a-a7e7-483626079a53"
