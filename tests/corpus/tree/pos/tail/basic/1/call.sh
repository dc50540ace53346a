curl -u admin:VYrkFr8XFIpkoTzxC5 https://repo.acme.io/api/upload -T build.tar
