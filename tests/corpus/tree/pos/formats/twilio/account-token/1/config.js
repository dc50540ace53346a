module.exports = {
  region: 'eu-west-1',
  twilioAuthToken: 'b16d9e8e359338c4cd52b8821306f8d6',
};
