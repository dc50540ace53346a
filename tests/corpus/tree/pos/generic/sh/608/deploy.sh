#!/bin/sh
set -eu
export AUTH_KEY="iXDT1zRTagdkytqRqkxjWFYFlQMrjWFRnELHH2lPHYxLgCiB_CjPye"
./bin/release --env prod
