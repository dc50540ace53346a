module.exports = {
  region: 'ap-south-1',
  deploypassword: 'v8xHtznnIXiQ749tZ3o2OpCF6O0yiYvTn/x3K0jE',
};
