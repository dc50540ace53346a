secret_key = 'github-actions[bot]'
