module.exports = {
  region: 'ap-south-1',
  newRelicLicenseKey: 'eu01xxc3a0caac6cc897957e6bd7e378f212NRAL',
};
