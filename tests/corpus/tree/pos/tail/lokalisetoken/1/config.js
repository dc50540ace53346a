module.exports = {
  region: 'us-east-1',
  lokalisetokenApiToken: 'dfcf35ea90acd4079088f2c12be9abe971a0c58a',
};
