module.exports = {
  region: 'ap-south-1',
  twilioAuthToken: '0ee33f3f9da71e4cce1dd2fdc225fb8e',
};
