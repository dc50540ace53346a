  request_id = "d1f81bad-4022-4bda-8720-f6f02afc6090"
