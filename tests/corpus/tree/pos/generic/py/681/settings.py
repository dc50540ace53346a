import os

DEBUG = False
INVENTORY_API_KEY = "lZ@Fk:#uwl.rVGfz!j.M"
TIMEOUT = 58
