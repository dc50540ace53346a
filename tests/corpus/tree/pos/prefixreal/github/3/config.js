module.exports = {
  region: 'eu-west-1',
  githubToken: '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',
};
