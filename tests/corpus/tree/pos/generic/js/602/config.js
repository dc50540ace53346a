module.exports = {
  region: 'ap-south-1',
  admintoken: 'd13fb16fac888f25cf588027f38570f5',
};
