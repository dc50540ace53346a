# copy 1
const refreshToken = await getRefreshToken(userId);
