module.exports = {
  region: 'eu-west-1',
  verimailApiKey: '3F68E2701B03E0AC155BBEA4E46C5E28',
};
