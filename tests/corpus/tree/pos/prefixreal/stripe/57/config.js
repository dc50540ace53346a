module.exports = {
  region: 'us-east-1',
  stripeToken: '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',
};
