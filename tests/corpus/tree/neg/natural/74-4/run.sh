SECRET_NAME="write:packages"
