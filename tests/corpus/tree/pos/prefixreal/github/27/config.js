module.exports = {
  region: 'eu-west-1',
  githubToken: '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',
};
