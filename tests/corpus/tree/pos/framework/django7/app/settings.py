from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 't118r73j0p_kti=s9^^($e@wl4y!osnow7*!qe%6t#sm)_6ztw'
DEBUG = False
