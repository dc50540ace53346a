module.exports = {
  region: 'us-east-1',
  kickboxApiKey: 'live_779508a7c51b0d27838dc4ef07b1c125101d0b62abe2c1ea151cf0ed9b855065',
};
