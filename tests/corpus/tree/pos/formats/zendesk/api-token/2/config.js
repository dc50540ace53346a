module.exports = {
  region: 'eu-west-1',
  zendeskApiToken: 'ONbM9SLQPORNyfc6s9f3cN4abrgQCdXLWlY0FVrF',
};
