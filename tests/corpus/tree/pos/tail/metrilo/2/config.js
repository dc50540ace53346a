module.exports = {
  region: 'ap-south-1',
  metriloApiToken: '232e5351046da8c9',
};
