module.exports = {
  region: 'eu-west-1',
  vaultToken: 'hvs.CAESINWE7uMhD3w7plpZsRzM497w2U9qJ9AV_TeFcyFEbHSQsmIhSps8eNDBu5K05I6m-n3ig4i2CweA-vFS7-O5Sv7',
};
