SECRET_KEY = '#7f8(*$(f4_j8zstni!q8-s@@%4$b1=v+%@m480dbx*!8tr!7r'
ALLOWED_HOSTS = ['shop.acme.io']
