module.exports = {
  region: 'ap-south-1',
  timezoneapiToken: '899ca5bcac9c5ba2484c',
};
