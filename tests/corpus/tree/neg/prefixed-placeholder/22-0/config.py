SLACK_TOKEN = "xoxp-111111111111-111111111111-1111111111111-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
