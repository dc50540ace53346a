SECRET_KEY = '_s)=j2y@)0ej@5#%(3nuz3f46fw$mib(^z=3e=5+c&ne03)g4l'
ALLOWED_HOSTS = ['shop.acme.io']
