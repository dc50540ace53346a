module.exports = {
  region: 'ap-south-1',
  teamsWorkflowUrl: 'https://prod-18.westus.logic.azure.com:443/workflows/47ea7983969ad9d43d3d712d2e3a9c33/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=ru-4CflYjzSvuYUVfvkp3Srz_aGk30W8D2UwSySkj1k',
};
