module.exports = {
  region: 'eu-west-1',
  merakiApiKey: '66779a599406114479fa862f28daaa698853db92',
};
