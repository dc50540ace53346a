module.exports = {
  region: 'us-east-1',
  versioneyeApiKey: '1d292bcd821838689caf',
};
