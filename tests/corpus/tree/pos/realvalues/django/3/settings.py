SECRET_KEY = 'sbh)z5ardp82cgy!)1f5ubcgjqiz8um0(ggnrp-%(7nvzasor5'
ALLOWED_HOSTS = ['shop.acme.io']
