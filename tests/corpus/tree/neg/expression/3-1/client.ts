# copy 1
const clientSecret = config.get<string>('oauth.clientSecret');
