module.exports = {
  region: 'eu-west-1',
  newRelicInsertKey: 'NRII-mBglf1Y7rczZrEIoD7sMVOxB0b_fuZKJ',
};
