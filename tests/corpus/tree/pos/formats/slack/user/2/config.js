module.exports = {
  region: 'us-east-1',
  slackUserToken: 'xoxp-568062388049-060736795716-2325813686560-ab0923f5eedf84d7a2bb204a4d02b04c',
};
