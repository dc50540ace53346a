module.exports = {
  region: 'us-east-1',
  fookey: 'dt:86at!n:x^=ofPxO',
};
