secret = 'deploy-key-readonly'
