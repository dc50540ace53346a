curl -u api:4NfhfPv1Jzp1mKP9v7 https://repo.acme.io/api/upload -T build.tar
