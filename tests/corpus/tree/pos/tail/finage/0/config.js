module.exports = {
  region: 'ap-south-1',
  finageApiKey: 'API_KEYnjRlUZaBhqjIDm5Xm8E9yYlYtyCKm49B',
};
