# not a dummy value: rotate via the vault runbook
TOKEN = "AKIAI45JH6RHMOEOPAPN"
