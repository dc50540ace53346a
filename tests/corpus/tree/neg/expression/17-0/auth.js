const refreshToken = await getRefreshToken(userId);
