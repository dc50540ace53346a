SECRET_KEY = 'hex1jui9yy8frok^eb&k6o(s5jx!)r7c-4%(4tssp_bjcr8ul_'
ALLOWED_HOSTS = ['shop.acme.io']
