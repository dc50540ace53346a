echo "4bb34e3e2b44edbc6cf6659dcc7196742267c129f8bc4189603c13d6bf5a6ae3  helm.tar.gz" | sha256sum -c -
