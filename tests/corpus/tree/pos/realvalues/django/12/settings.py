SECRET_KEY = 'kio8gu#cgpcumvlk2&%=g$2ta(fo&f$(_3)d%2=*($ya8mtjc8'
ALLOWED_HOSTS = ['shop.acme.io']
