module.exports = {
  region: 'us-east-1',
  newRelicInsertKey: 'NRII-vpZUULnGVQERHHLfaGmlgvFDyhEKLt0L',
};
