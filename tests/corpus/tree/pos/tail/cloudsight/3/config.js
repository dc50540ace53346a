module.exports = {
  region: 'us-east-1',
  cloudsightApiKey: 'jHpFhfS2NVKvwdGnCs6yEI',
};
