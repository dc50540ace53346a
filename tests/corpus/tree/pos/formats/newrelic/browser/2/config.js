module.exports = {
  region: 'eu-west-1',
  newRelicBrowserKey: 'NRJS-e7a9c1a4a44cb1a9f77',
};
