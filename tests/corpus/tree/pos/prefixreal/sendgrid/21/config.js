module.exports = {
  region: 'ap-south-1',
  sendgridToken: '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',
};
