module.exports = {
  region: 'eu-west-1',
  slackSessionToken: 'xoxs-18991709207-38006315738-634429459723-449dbff832005277c40f19efa768b57dd5e0642bac2c9f95d8b645ceb73188f0',
};
