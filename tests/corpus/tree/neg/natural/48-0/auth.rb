API_KEY = 'handleTokenRefresh'
