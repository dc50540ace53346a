module.exports = {
  region: 'ap-south-1',
  pipedreamApiKey: '9cdf4ff06c383bb1b73c6444acb5459a',
};
