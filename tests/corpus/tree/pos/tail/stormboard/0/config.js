module.exports = {
  region: 'ap-south-1',
  stormboardApiKey: '66e4d7b2c0bf204c7de17700e23b868561c0ac50',
};
