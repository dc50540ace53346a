module.exports = {
  region: 'ap-south-1',
  wireguardPrivateKey: 'iZQJ3Tx7FRsoVEpOUOSktaENBupUkq9xzV7RzKTeKeE=',
};
