module.exports = {
  region: 'eu-west-1',
  bittrexApiKey: '754e03cb4b2cb927bc540bbd647f2438',
};
