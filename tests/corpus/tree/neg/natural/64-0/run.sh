SECRET_NAME="oauth2-proxy"
