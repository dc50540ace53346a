module.exports = {
  region: 'ap-south-1',
  pulumiAccessToken: 'pul-27dcbf635323dd8dcf6e6d561050bfb455573362',
};
