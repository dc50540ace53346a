module.exports = {
  region: 'ap-south-1',
  vendorkey: 'a83e1137852ad7f1b10716299e87ca32',
};
