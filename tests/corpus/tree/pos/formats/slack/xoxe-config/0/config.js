module.exports = {
  region: 'eu-west-1',
  slackConfigToken: 'xoxe.xoxp-1-boMhtS9LRfXISFhQxeJgUVMhdjQ7cSEXwA6ne8asKGKWCeBviUOB3bmDfQ0GcHRPqqkhmW8XFIFTvKrXGsdpMKou88eUq9pnhnqUu8DkRPiY6UHCuRApqS8qgKcqecDvAUYYQllJnmfaL1ObZG',
};
