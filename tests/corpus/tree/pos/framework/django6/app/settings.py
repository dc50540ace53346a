from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = '6dia+*-@ya%3i1ihrh5=jzs-z5zf8+)cpx_nyet35m!c!lj0=7'
DEBUG = False
