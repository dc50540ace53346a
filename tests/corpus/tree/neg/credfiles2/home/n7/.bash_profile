# ~/.bashrc
export EDITOR=vim
export HISTCONTROL=ignoredups:ignorespace
alias la='ls -A'
