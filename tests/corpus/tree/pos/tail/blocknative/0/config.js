module.exports = {
  region: 'eu-west-1',
  blocknativeApiKey: '167e78f3-a9a1-4d34-81e8-f9a052bdc3b2',
};
