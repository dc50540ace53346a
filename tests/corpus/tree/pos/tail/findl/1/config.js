module.exports = {
  region: 'us-east-1',
  findlApiKey: 'ae84eec5-2c50-4d9e-87af-36c702610265',
};
