from slack_sdk import WebClient

client = WebClient(token="xoxb-133777948179-vuHxXg0xAJBGLw6aTkMDUjPw")
