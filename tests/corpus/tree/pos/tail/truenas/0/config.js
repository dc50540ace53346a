module.exports = {
  region: 'eu-west-1',
  truenasApiKey: '4-DxBXmiAINUiWMFripVEDCL0WwBrrkRrZHTfib4flaBWxogqmGnQ1jZCVEkfzGPwa',
};
