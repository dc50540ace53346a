module.exports = {
  region: 'eu-west-1',
  salesblinkApiKey: '7BvkcPc6DyFhrwXZlEIucHtWKX6ahZLCLLNotmbW',
};
