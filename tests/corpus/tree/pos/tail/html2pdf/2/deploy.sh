#!/bin/sh
set -eu
export HTML2PDF_API_KEY="6cBLkrAULoyNmM0QQLiaPSQfSrLYI1Tw1S7nOfEefZVcFHRBeRFoMEveLf37S4xD"
./bin/release --env prod
