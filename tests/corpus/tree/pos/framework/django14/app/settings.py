from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'f1e%4=rbz=l1+$ektdtbbv4*vs8k2a)g_#72#=^5__z%ax)wob'
DEBUG = False
