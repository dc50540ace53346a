SLACK_TOKEN = "xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"
