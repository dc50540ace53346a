module.exports = {
  region: 'us-east-1',
  teamsWebhookUrl: 'https://acme.webhook.office.com/webhookb2/8fb1ea44-d306-4566-a40b-99688f79cc60@44b03742-9b6d-4484-aa67-c8edc4d26a78/IncomingWebhook/6c58d5ab9405b716a94931b4435b46c5/3170a9c7-08cc-4827-afd7-2ddae5a7733a',
};
