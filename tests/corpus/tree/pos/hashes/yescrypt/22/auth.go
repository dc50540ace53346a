package auth

var adminHash = `$y$j9T$ol1ur.uX0R/sp6Gz/Onnbm$rJDTiZ0fWE3LaLKda6GVaQCD29UZ/Y6vvSqNo6p0n5Q`
