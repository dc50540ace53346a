# SPDX-License-Identifier: Apache-2.0
"""Discord, two rules.
Bot token: GET https://discord.com/api/v10/users/@me, Authorization: Bot <token>. API
document: https://discord.com/developers/docs/resources/user#get-current-user; 401
{"message": "401: Unauthorized", "code": 0}; 429 with retry_after:
https://discord.com/developers/docs/topics/rate-limits.
Webhook URL: GET <the webhook URL> (https://discord.com/api/webhooks/<id>/<token>), no
header: reading a webhook with its token returns it and posts nothing
(https://discord.com/developers/docs/resources/webhook#get-webhook-with-token); a bad
token is 401 {"code": 50027, "message": "Invalid Webhook Token"}, a deleted webhook 404
{"code": 10015, "message": "Unknown Webhook"}
(https://discord.com/developers/docs/topics/opcodes-and-status-codes#json)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com"]
LIVE = {"MT" + tok("discord-bot-a", ALNUM, 22) + "." + tok("discord-bot-b", URLSAFE, 6) + "." +
        tok("discord-bot-c", URLSAFE, 38): {"username": "acme-deploy"}}
LIMITED = {"MT" + tok("discord-lim-a", ALNUM, 22) + "." + tok("discord-lim-b", URLSAFE, 6) + "." +
           tok("discord-lim-c", URLSAFE, 38)}
WEBHOOK_ID = "1" + tok("discord-hook-id", DIGITS, 18)
WEBHOOKS = {WEBHOOK_ID: tok("discord-hook-token", URLSAFE, 68)}  # id -> live token
GONE = "1" + tok("discord-hook-gone", DIGITS, 18)               # a deleted webhook


def handle(method, path, headers, body):
    if method != "GET":
        return not_found()
    if path == "/api/v10/users/@me":
        t = bearer(headers, "Bot")
        if t in LIVE:
            return answer(200, {"id": "1127348412334981200", "username": LIVE[t]["username"],
                                "discriminator": "0", "bot": True, "verified": True, "flags": 0})
        if t in LIMITED:
            return limited({"message": "You are being rate limited.", "retry_after": 30.0, "global": False})
        return answer(401, {"message": "401: Unauthorized", "code": 0})
    parts = path.split("/")
    if len(parts) == 5 and parts[:3] == ["", "api", "webhooks"]:
        hook, token = parts[3], parts[4]
        if hook == GONE or hook not in WEBHOOKS:
            return answer(404, {"message": "Unknown Webhook", "code": 10015})
        if WEBHOOKS[hook] != token:
            return answer(401, {"message": "Invalid Webhook Token", "code": 50027})
        return answer(200, {"application_id": None, "avatar": None, "channel_id": "1127348412334981201",
                            "guild_id": "1127348412334981202", "id": hook, "name": "deploys", "type": 1,
                            "token": token})
    return not_found()
