module.exports = {
  region: 'eu-west-1',
  infuraApiKeySecret: 'c7b1dc841829dcd9160a02add23175d1',
};
