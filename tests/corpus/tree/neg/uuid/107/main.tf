  azure_tenant_id = "4f948095-5fae-4d51-95fd-4f219342fd7f"
