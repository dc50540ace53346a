# not a dummy value: rotate via the vault runbook
TOKEN = "AKIASYTGTS3NRFA3DTZG"
