from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-+p+)^_gh_4eq3z+36*f2_ycdgh6**uo1wr9k#ytags!+szpvue'
DEBUG = False
