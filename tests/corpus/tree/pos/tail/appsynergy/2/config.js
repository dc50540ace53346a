module.exports = {
  region: 'ap-south-1',
  appsynergyApiKey: 'd22447d2c35544997c0470cd04fd06873ed9a06bd82e670354db2b9bd55acda5',
};
