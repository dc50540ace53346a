module.exports = {
  region: 'eu-west-1',
  vendortoken: 'lrhHSLOosImuvEHxudjTGSFsOnwk36sqw6q',
};
