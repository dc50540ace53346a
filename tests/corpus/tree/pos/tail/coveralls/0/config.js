module.exports = {
  region: 'us-east-1',
  coverallsRepoToken: 'JaYR1msqUhid0k11LO5y11oYaWywT0cix',
};
