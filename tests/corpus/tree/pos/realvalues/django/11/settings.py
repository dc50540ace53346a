SECRET_KEY = 'l25%p1+=l)udfq=%(&=ft+1^57&o=@0*dvjfgf29u)tnr_-j(p'
ALLOWED_HOSTS = ['shop.acme.io']
