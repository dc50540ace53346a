SECRET_KEY = 'b*nbo^g%wx_*n$(1$@%@6ou-v1xvo8km5w6eu#*-wo9mt-e0@!'
ALLOWED_HOSTS = ['shop.acme.io']
