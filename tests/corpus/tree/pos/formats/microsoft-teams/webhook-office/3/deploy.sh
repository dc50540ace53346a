#!/bin/sh
set -eu
export TEAMS_WEBHOOK_URL="https://shopco.webhook.office.com/webhookb2/d518a1aa-94cc-4007-9d2f-303056717604@43e61e4f-9ebb-4d6b-a0e3-98d7638b3225/IncomingWebhook/069b340d75239da08795157369b1f7f3/3365e717-ca49-4959-adc4-72c80d09ffb3"
./bin/release --env prod
