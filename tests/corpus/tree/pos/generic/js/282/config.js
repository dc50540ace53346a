module.exports = {
  region: 'us-east-1',
  bottoken: '2d1da94b62113ad0f6d9e2bf9c1d65a9',
};
