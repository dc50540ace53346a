refreshToken = 'ServiceAccountTokenVolumeProjection'
