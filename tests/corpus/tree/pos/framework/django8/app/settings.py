from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-%$z7ir0&%!or%9=rkkc3*p=f4+v6rt(h+cy8w$ngxq)d&s4-mn'
DEBUG = False
