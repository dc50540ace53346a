module.exports = {
  region: 'us-east-1',
  fulcrumApiToken: '963d3a44a3ff1cd5ce73830f33059546b985a4ac292eee8652a80f4ed368143ecb93eecab2d099e6',
};
