SECRET_KEY = '(bo%aez8ba#-dwta3(f4aggy%%52(+a$(@uh_cghm!@$43g!j0'
ALLOWED_HOSTS = ['shop.acme.io']
