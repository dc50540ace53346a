# ~/.bashrc
export EDITOR=vim
export PASSWORD_STORE_DIR=~/.password-store
alias la='ls -A'
