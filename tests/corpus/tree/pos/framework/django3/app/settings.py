from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'h9crz%!7h%1nmi^j1zyn3^_-(-r4^odgs#@#y0t!)&$cb)7$y%'
DEBUG = False
