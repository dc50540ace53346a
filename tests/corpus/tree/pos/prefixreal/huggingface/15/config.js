module.exports = {
  region: 'eu-west-1',
  huggingfaceToken: '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',
};
