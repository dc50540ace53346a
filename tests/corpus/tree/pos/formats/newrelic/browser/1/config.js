module.exports = {
  region: 'ap-south-1',
  newRelicBrowserKey: 'NRJS-cd53d6b45041050de6f',
};
