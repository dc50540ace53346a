tenant_id = "90386a17-a8c0-493f-af86-f1afc65907d2"
