module.exports = {
  region: 'us-east-1',
  rubygemsApiKey: 'rubygems_2b300ed068cb5ca2ff035bb9faea54776374fbe886ab08be',
};
