SECRET_KEY = 'fh6%lislf2%ff%(&aq#e$h^-r6o5y&-rk&$d#@gy!aoycq$bl7'
ALLOWED_HOSTS = ['shop.acme.io']
