echo "9cf43739b456ea312b6bd7c309afe3401200c255bcf7df6218672e09051bef48  helm.tar.gz" | sha256sum -c -
