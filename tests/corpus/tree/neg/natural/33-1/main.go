var client_secret = "ServiceAccountTokenVolumeProjection"
