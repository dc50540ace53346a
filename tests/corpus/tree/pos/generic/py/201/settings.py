import os

DEBUG = False
SYNC_SECRET = "ZvJ08mfWyGx6JczCwCvitJ0FxnerrwQpHWix3zkS"
TIMEOUT = 34
