#!/bin/sh
set -eu
export AUTHRESS_ACCESS_KEY="sc_0xe96j3gytk592muupznte.2qsj.acc_rq7g5zbcybrw1pyxqige41.MC4CAQAwBQYDK2VwBCIEIEjRWu7ZFp-989J03Va8uMLzf5R84_MPV4WKP2-Dwp_K4"
./bin/release --env prod
