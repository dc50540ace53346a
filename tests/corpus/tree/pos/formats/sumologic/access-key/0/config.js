module.exports = {
  region: 'us-east-1',
  sumoAccessKey: 'c45TBgVjE1YDOGl4Olpg0cKC1gIszzObOIrSEqpiXSerRaCZXZFIKrTWc67lZ4BY',
};
