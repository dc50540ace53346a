module.exports = {
  region: 'us-east-1',
  vaultToken: 's.waienLMyhF2OOvu7rufPGjyU',
};
