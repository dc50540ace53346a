module.exports = {
  region: 'us-east-1',
  vaultToken: 'b.AAAAAQm5QShgovmzV_6-5mmQIEPXvHSyuch7lbW-6nOb4NHxdfmrMCbB6pugPqnYHG17bd_GOs3R39isMtTmefLt80KPmM3tbkCB7yviD8RLykbNQ8J7t-MwB2-IEqam-5gdQUIL',
};
