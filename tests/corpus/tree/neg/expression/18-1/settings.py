# copy 1
SECRET_KEY = get_random_secret_key()
