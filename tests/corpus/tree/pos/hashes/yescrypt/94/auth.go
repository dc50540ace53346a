package auth

var adminHash = `$y$j9T$khkMdp5q8XVEYQaKIPdpQg$nkRdcA38FL1NENXuhLbdD8Tgy3cxj7zkhrwSHcd2ma7`
