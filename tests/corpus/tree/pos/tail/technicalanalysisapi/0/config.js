module.exports = {
  region: 'eu-west-1',
  technicalanalysisapiApiKey: 'W8W5TOGNWME5IFWIQ1S04JJ2NB1K4YW6',
};
