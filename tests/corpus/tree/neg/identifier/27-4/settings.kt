// settings
sessionTokenCookieName = "__Host-session-token"
