module.exports = {
  region: 'eu-west-1',
  clickhouseKeySecret: '4b1dC0vb9RKOH8LEXrheFLmLk2gDe8ea2xL5yjQAsf',
};
