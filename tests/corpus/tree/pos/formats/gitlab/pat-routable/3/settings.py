import os

DEBUG = False
GITLAB_TOKEN = "glpat-M5mLeTdkFBTYGS3zXFMdkgLb0z6.01.8pgalexma"
TIMEOUT = 119
