module.exports = {
  region: 'ap-south-1',
  mailerkey: '4cEturSiGJcSE52c0CHYF9Ov6xBeOQP9LjgSVH8zWx2',
};
