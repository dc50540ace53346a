module.exports = {
  region: 'ap-south-1',
  ravenDsn: 'https://b69f9adc23a5606bd90b37aa17d1ede4:8c598fe34bc956bf45dc3d3f1ea99e6e@sentry.io/518591',
};
