module.exports = {
  region: 'ap-south-1',
  mailgunApiKey: 'key-d51ab84bb63331f828ac379c376e50e3',
};
