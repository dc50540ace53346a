module.exports = {
  region: 'eu-west-1',
  adobeOauthClientSecret: 'p8e-_lEuDlriBwphX643kcD6ip553nFUI6Q3',
};
