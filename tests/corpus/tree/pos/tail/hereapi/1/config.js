module.exports = {
  region: 'us-east-1',
  hereapiApiKey: '5b2z6-7ZwcsINm2ZcjNrFXzMCY9V6QF7r4QXKBL3DPq',
};
