TOKEN="secretsmanager"
