// settings
github_token_permissions: contents-read-pull-requests-write
