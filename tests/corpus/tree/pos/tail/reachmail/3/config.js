module.exports = {
  region: 'us-east-1',
  reachmailApiToken: 'a87ceee45666aeea4f3633666bbdc662',
};
