echo "5e5d0973d22e05f3ded8c5899a8ecdc51a735b4f234870a08ef92afcbbecbb51  helm.tar.gz" | sha256sum -c -
