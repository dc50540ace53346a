credentials = 'Bearer'
