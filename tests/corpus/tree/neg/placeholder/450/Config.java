String apiToken = "ENC[AES256_GCM,data:...,type:str]";
