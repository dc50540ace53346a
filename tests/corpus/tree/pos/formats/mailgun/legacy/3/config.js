module.exports = {
  region: 'eu-west-1',
  mailgunApiKey: 'key-fbb9e7b8f2c08b49833da513829789f0',
};
