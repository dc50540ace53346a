#!/bin/sh
set -eu
export AZURE_DEVOPS_PAT="XURZezgFb1cwZnzggn1NJpnV9m1iZVCv4u4Y2bxRTJb8KwVbRDMAJQQJ99OJAQAZDOUW8Vip4FoFSMLrv3VR"
./bin/release --env prod
