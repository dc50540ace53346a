region = "eu-central-1"
uploadtoken = "cQQs2lCcqIlHLLbS3rlEki8s"
