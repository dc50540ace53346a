  request_id = "6ec4c3f7-caee-4e72-b11e-b2849c968a97"
