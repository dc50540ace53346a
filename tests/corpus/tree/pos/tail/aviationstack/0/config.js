module.exports = {
  region: 'us-east-1',
  aviationstackAccessKey: '643f05907fc77cceb8be6c86be38108a',
};
