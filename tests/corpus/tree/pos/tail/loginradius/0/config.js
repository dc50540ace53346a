module.exports = {
  region: 'eu-west-1',
  loginradiusApiSecret: '15896424-cdb7-4d35-9e2b-0250ce7f22bf',
};
