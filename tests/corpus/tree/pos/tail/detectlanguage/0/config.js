module.exports = {
  region: 'eu-west-1',
  detectlanguageApiKey: '446822e19f0a5a3ad2b0a845b1daeb79',
};
