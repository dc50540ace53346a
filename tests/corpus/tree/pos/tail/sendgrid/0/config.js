module.exports = {
  region: 'ap-south-1',
  sendgridApiKey: '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',
};
