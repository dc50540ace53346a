module.exports = {
  region: 'us-east-1',
  footoken: 'ed6297b23f45a9a91eae9017d32a68360a7dbf80c77a0b8ee7117583f7d5301a',
};
