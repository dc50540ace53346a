module.exports = {
  region: 'eu-west-1',
  blynkAuthToken: '3Ih7PTsGIcyG0jpbeQAsHdauImxI3sfP',
};
