# copy 2
const refreshToken = await getRefreshToken(userId);
