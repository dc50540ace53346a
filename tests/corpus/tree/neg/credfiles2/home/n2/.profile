# ~/.bashrc
export EDITOR=vim
export NPM_TOKEN="${NPM_TOKEN:-}"
alias la='ls -A'
