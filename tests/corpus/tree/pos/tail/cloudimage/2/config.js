module.exports = {
  region: 'eu-west-1',
  cloudimageApiKey: 'Xl9Cq6jjAzGBAprfwOt4GhMSnPTjDsoB',
};
