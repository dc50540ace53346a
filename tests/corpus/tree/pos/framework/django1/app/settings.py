from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = '%j1!u_%+vk^dje2h!^-l+k2%791se&apfw^^h@2pz2!*-mq8k+'
DEBUG = False
