module.exports = {
  region: 'ap-south-1',
  adobeClientSecret: 'p8e-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
};
