# ~/.bashrc
export EDITOR=vim
export VAULT_TOKEN="$(cat ~/.vault-token)"
alias la='ls -A'
