region = "eu-central-1"
chatbot_access_token = "5a0f2387e77ec0ed77c9bd0c838effe4"
