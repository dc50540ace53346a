from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'o*sa#q@(kzhp0($x@!iy-$6^yze$i7g^%-6y@-oinpj)lrcatf'
DEBUG = False
