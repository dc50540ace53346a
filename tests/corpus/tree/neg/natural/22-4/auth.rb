apiKey = 'Opaque'
