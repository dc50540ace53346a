SECRET_KEY = 'ia#eln!#8zt50sb&pcm^31)s=dy6a$(1arhm=m76kfoc9f!!)i'
ALLOWED_HOSTS = ['shop.acme.io']
