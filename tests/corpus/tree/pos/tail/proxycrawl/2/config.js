module.exports = {
  region: 'us-east-1',
  proxycrawlToken: 'jhEC4HPz8wf2AF6nGiozH6',
};
