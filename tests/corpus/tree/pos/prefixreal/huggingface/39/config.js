module.exports = {
  region: 'us-east-1',
  huggingfaceToken: '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',
};
