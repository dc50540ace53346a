SECRET_KEY = '!qodndfs_k*d7g!s$%(@-d(w7%#rd#kbdiz#pup9e4wa#fl6*t'
ALLOWED_HOSTS = ['shop.acme.io']
