const accessToken = 'RS256';
