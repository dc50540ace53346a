from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = '!q2f91ts*m)rzoz&m#817nk70t!u0!diw0vd&tjiy%(*%kiovl'
DEBUG = False
