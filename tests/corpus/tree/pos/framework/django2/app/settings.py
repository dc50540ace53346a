from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'g1=tnun_-=5o7b6m8m#o=!=mbtfhd$xo^lp1f1+2!+tdeogm6p'
DEBUG = False
