echo "41fd35feef73f3cc142e432dd5d60103304c55e38157ce39be73e48b13957239  helm.tar.gz" | sha256sum -c -
