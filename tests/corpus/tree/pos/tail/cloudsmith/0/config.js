module.exports = {
  region: 'ap-south-1',
  cloudsmithApiKey: '1680fcf5ae0e4ed1f3b507ef99cd160d1c98dcc0',
};
