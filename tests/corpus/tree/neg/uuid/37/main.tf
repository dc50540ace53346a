  tenant_id = "082af329-38bf-4d9b-a0d2-49637d853ea1"
