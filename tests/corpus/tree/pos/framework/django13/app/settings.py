from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'kq1wf(e7+3rv!wiphgd(@$=hd6fjnzrt54xn$gc9o)b1^z!bbu'
DEBUG = False
