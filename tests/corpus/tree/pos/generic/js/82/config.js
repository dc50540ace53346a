module.exports = {
  region: 'ap-south-1',
  accesspassword: '4tj&V9g~BcdP_0%=GpH%?hm',
};
