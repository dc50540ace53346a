module.exports = {
  region: 'us-east-1',
  refreshsecret: 'B4znnwmjcYJ6ZGM508Ug8fKo22xb4bn6ahoW3ftr1ua',
};
