SECRET_KEY = '+9x-_f^s@&$q^ijm&(uck1%(w54&wr-o#ku7j3ysox1qhx_b-8'
ALLOWED_HOSTS = ['shop.acme.io']
