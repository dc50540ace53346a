const clientSecret = config.get<string>('oauth.clientSecret');
