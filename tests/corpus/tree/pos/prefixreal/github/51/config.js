module.exports = {
  region: 'ap-south-1',
  githubToken: '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',
};
