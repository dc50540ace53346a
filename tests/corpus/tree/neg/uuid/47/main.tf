  azure_tenant_id = "846fd35b-b37e-47b6-a066-bd77d6647408"
