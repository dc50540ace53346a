#!/bin/sh
set -eu
export VAULT_TOKEN="hvs.CAESIUs9PRyyfwKS3c19WryfPi2ZCajhOUVyOahtY2QVFO3BE7Wz4xNcF1jQkl3wmYWQi_REjn5Sxf0Ud2R7AIWg0U6"
./bin/release --env prod
