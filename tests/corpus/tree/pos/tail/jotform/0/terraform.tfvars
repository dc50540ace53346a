region = "eu-central-1"
jotform_api_key = "12b93669d8d6d8d05f1c9f78644ec563"
