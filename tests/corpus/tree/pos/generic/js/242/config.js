module.exports = {
  region: 'eu-west-1',
  servicepassword: '9tjnhojOVS405h83x5SXHgK4Vwdyo29MbJ9LEB',
};
