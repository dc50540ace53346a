#!/bin/sh
set -eu
export GOOGLEOAUTH2_ACCESS_TOKEN="ya29.a0ZVkl6XdeyH2-iHD1fAdBUfeldb7_IGuwU8WI7Rink-vwAUdzki1ToLt0oKEQ-uFH340PL_6slH3KoVwCClIsVJueu8Pd0o2g8TbBThCJp5q6lZ-ARniwro7Ry7HoC6klRd0Zti3suWWgNSrPY-lQZ7"
./bin/release --env prod
