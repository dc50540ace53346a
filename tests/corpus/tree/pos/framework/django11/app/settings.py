from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = '+jb=7wzk)(dl-&j83t4(4--y-4($u6(84y%-k+^!ud72)d^9kf'
DEBUG = False
