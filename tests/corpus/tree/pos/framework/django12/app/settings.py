from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-y6s#&n8fc3qwo*kj77bcepd97g(%^9mdjcia)$iyp6lndx)de&'
DEBUG = False
