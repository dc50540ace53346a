module.exports = {
  region: 'ap-south-1',
  stripeToken: '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',
};
