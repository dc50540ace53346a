#!/bin/sh
set -eu
export VAULT_TOKEN="b.AAAAAQnF7mTEagVuhWh-FHs4LdCDUqHgUA8VagG7FI6tpKX73yAV0JZESxGiKZizjz23sMzGSdErzhzUqTej3jzbbltKuKRdUWNz-nVIOLodLJM6ly1yh6WLGxKW2hSR486-QzQG"
./bin/release --env prod
