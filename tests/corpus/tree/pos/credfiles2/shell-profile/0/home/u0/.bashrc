# ~/.bashrc
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export DB_PASSWORD="Summer2024!"
