SECRET_NAME = 'repo,workflow,read:packages'
