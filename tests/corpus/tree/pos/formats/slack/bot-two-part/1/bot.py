from slack_sdk import WebClient

client = WebClient(token="xoxb-746654971143-GEpvnhkjZfVyKjNvYEYleYrL")
