#!/bin/sh
set -eu
export DISQUS_SECRET_KEY="4X1M1TuLWvIefCVmOvAOXvaJDy2i3cjKajibJnl7k5l9fo5uxPreYmOKs7mFuCXk"
./bin/release --env prod
