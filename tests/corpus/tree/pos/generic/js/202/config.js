module.exports = {
  region: 'us-east-1',
  mailerpassword: 'Zw21f%QPGbRB-=W*EbpFcjv',
};
