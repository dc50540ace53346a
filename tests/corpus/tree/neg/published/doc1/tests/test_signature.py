    client_secret = 'kd94hf93k423kf44'
