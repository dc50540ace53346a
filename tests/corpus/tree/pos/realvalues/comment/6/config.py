# not a dummy value: rotate via the vault runbook
TOKEN = "AKIARTCAZPSV2N22LUFF"
