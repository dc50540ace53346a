module.exports = {
  region: 'us-east-1',
  skrappioApiKey: 'wF4WzeYJvSieEsBPTP48ybrAjbfs8vO2CNUSRFB1',
};
