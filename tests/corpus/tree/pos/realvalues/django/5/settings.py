SECRET_KEY = 'xt$mx2xo+%d1_mtw$hkz$%(v+&(($5b*fus7w#rs5xp&&7e&fv'
ALLOWED_HOSTS = ['shop.acme.io']
