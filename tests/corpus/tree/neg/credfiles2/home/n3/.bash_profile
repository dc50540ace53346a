# ~/.bashrc
export EDITOR=vim
export AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY_PROD
alias la='ls -A'
