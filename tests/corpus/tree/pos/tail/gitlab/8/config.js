module.exports = {
  region: 'eu-west-1',
  gitlabRunnerRegistrationToken: 'GR1348941uLfKJv-0KlXE95BhPND1',
};
