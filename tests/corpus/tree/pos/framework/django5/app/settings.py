from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = '^1xnw6a@bt3&u=swo9%l=%__)5y-mobgcnal9rs=38tju!a)^w'
DEBUG = False
