module.exports = {
  region: 'eu-west-1',
  fulcrumApiToken: 'e7ef9116b610e18517ae940b7735fe150ec2e188b0a0035c72473a30b242734704bac1433d3cff04',
};
