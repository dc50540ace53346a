from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = '&n&@$u!8wirk13#m)v9_xjehp5mjj8^7s=&r&0nu9n6r-zqqxr'
DEBUG = False
