module.exports = {
  region: 'us-east-1',
  sendgridToken: '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',
};
