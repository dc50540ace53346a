module.exports = {
  region: 'us-east-1',
  clickhouseKeySecret: '4b1de2o5O5sAYUNCk18B1FzS2R1OuNhKAldsBmhRPu',
};
