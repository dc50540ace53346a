module.exports = {
  region: 'ap-south-1',
  stripeToken: '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',
};
