  instanceid = "a5ac9be6-0857-43e6-9c8d-9ef1770647bf"
