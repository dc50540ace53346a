module.exports = {
  region: 'ap-south-1',
  carboninterfaceApiKey: 'sVzFLpYNIwLk2B9sEmcUn',
};
