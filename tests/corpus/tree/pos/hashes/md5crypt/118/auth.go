package auth

var adminHash = `$1$9Kf2QCDG$MSM4Sr3PK7zKEpWpfL9QX.`
