module.exports = {
  region: 'us-east-1',
  commercejsPublicKey: 'pk_01140fe84a514611713e8b0e39a26021bf14a68c72ac008',
};
