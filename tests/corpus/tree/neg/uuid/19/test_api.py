workspace_id = "67e1fb76-eecd-40c3-b5fe-b6bbd3a19ee9"
