#!/bin/sh
set -eu
export VAULT_TOKEN="hvb.AAAAAQ7KxCj-r20vv7any5RMgEY5IAoryzyuhW5yiRRi_9IVsTlvSQ2fG3H2VhYpHUCWJp_Dnd74ciuvoasjUPgKTw2y61GcNzf-j9kqTeuzpXrfs-XWm9gxiURotwkpHeBhkB38jzTqmg"
./bin/release --env prod
