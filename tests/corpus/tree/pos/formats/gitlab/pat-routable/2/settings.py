import os

DEBUG = False
GITLAB_TOKEN = "glpat-zY2h21w9MoNKwXYh-hnxRUQeRfM.01.oocj91cdd"
TIMEOUT = 28
