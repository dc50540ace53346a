API_TOKEN = 'ENC[AES256_GCM,data:...,type:str]'
