module.exports = {
  region: 'eu-west-1',
  teamsWebhookUrl: 'https://acme.webhook.office.com/webhookb2/46ee8546-8b45-41ea-9287-891e1e63e5a4@ae986d6c-1083-480a-870c-6051d59e17ed/IncomingWebhook/5d5d64db7a52553a8e6fed74451d9bb6/62d5a656-24ee-42af-a851-8c876d4f5fe9/V2c9xDeRYHJ-fkivrORtLye5PejU24WLQKBonhZbxijbI',
};
