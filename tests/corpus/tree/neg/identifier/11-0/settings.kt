// settings
api_key_id: key-rotation-policy-v2
