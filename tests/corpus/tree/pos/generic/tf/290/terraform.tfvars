region = "eu-central-1"
cdntoken = "7b0616f42a59661069f85d3e426bb36199626090"
