#!/bin/sh
set -eu
export TEAMS_WEBHOOK_URL="https://acme.webhook.office.com/webhookb2/32d98dc1-fa03-4286-a96a-2bce3291868a@656d8770-0b94-4b60-9f1d-4511000b1108/IncomingWebhook/b3294ac039b7bad3985be008d0aec9d9/cfb2536a-af4a-46e9-8f96-a8e0f1ce5f6e/V2sll5iMpjt-5RCsVPP3duldIbMcVBmMKYrb48dqtL91W"
./bin/release --env prod
