module.exports = {
  region: 'ap-south-1',
  herokuApiKey: '7623aacc-d75a-4f73-bbcc-86042c36d914',
};
