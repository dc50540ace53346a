import os

DEBUG = False
DENO_DEPLOY_TOKEN = "ddp_2haECGonJZkuX3DsqRLF8ivgyWpfnCZiCwwx"
TIMEOUT = 37
