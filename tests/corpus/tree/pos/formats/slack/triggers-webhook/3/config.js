module.exports = {
  region: 'eu-west-1',
  slackTriggerUrl: 'https://hooks.slack.com/triggers/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',
};
