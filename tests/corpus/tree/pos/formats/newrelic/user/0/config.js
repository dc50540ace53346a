module.exports = {
  region: 'ap-south-1',
  newRelicApiKey: 'NRAK-FTG94499GZ5KPWVFHB22A3OF6K9',
};
