package auth

var adminHash = `$y$j9T$SlumB4TlgmEoDCBE88Bskj$nfQ1MPh.XBHa.S069OArCogUkz09XoWsUco8MRnA7Q9`
