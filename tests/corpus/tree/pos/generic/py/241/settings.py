import os

DEBUG = False
PAYMENTS_KEY = "AFt*4r+IviB1%vp3GqOGGHca="
TIMEOUT = 105
