  tenant_id = "8388e715-8e4f-4fa0-a513-e30025a093d4"
