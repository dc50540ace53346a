SECRET_KEY = 'vt@wutv39mq&qy3rdzyh+06r4i_vnc$(+*w8$@bb54tlloji(-'
ALLOWED_HOSTS = ['shop.acme.io']
