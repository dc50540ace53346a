import os

DEBUG = False
GITLAB_SESSION_COOKIE = "_gitlab_session=b34fa2967f7ae44ad7f611e415ad6ddb"
TIMEOUT = 42
