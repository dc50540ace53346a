module.exports = {
  region: 'eu-west-1',
  freemiusSecretKey: 'sk_1lC6Knx3Pt5qZKSpidEJTCzL_ASkH',
};
