#!/bin/sh
set -eu
export VAULT_TOKEN="hvs.CAESIo_V3iWZbsyRmCNr_wrwhRF8gZ1i0JBubWtH8Qw0OHwTaWCe7IEXY8D6posgh_2C4pbRzFsPq_fl6b6MtTdtDkx"
./bin/release --env prod
