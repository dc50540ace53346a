module.exports = {
  region: 'eu-west-1',
  vendoraccesstoken: 'mu8xD8FK5FpadMBkvgjYHakbnFGKaO93GaLHANtG/Ccy/d8WgpDQoUNdSjn1p2fp',
};
