module.exports = {
  region: 'us-east-1',
  coinlibApiKey: '4f909683ceba3328',
};
