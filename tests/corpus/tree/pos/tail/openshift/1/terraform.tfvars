region = "eu-central-1"
openshift_token = "sha256~fgU6EGslIVJyvwKrKiKNtZUVL-QMrFIho_3VUjyLfSm"
