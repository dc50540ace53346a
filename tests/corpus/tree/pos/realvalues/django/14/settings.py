SECRET_KEY = 'xkr&2cno1!khcvpi9c)nx0d&mhplz_%n*s7&x+8$(7h-e4d9jx'
ALLOWED_HOSTS = ['shop.acme.io']
