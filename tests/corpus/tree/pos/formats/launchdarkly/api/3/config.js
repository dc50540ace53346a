module.exports = {
  region: 'ap-south-1',
  ldApiKey: 'api-e35bafb5-9880-490b-9dfe-593bd5ad8693',
};
