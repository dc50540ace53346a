module.exports = {
  region: 'eu-west-1',
  slackBotToken: 'xoxb-370112584257-1940011493897-YPaW5xm1G1mqLyk6629OpUD3',
};
