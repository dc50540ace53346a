# copy 2
const clientSecret = config.get<string>('oauth.clientSecret');
