from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-3836%@pr3@m-z%7__+wwvus-5dt%a1_f41y%ef6*$iavc-w%gd'
DEBUG = False
