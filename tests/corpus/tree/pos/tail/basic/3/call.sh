curl -u admin:7bRfQKPSAwm1xKqZlN https://repo.acme.io/api/upload -T build.tar
