echo "cb105e9a9653246ce69db79e24ddcd60b09be710dfeca9aaa9c189aee3c17be5  helm.tar.gz" | sha256sum -c -
