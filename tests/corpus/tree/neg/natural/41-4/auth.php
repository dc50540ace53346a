$refreshToken = 'vault-agent-injector';
