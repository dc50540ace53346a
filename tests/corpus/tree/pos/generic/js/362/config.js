module.exports = {
  region: 'eu-west-1',
  cdnpassword: '4mUFXfyF~cM!PvuChm_xZm',
};
