#!/bin/sh
set -eu
export BESNAPPY_API_KEY="73107bff097daf1ce332cb072d958995d5f75dcb6eeca70d8fea739acfb15900"
./bin/release --env prod
