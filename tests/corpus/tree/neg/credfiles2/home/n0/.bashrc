# ~/.bashrc
export EDITOR=vim
export DB_PASSWORD="$(pass show db/prod)"
alias la='ls -A'
