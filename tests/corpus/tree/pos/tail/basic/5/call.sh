curl -u api:ki5S8gbnua3ywzRe5e https://repo.acme.io/api/upload -T build.tar
