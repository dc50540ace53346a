# ~/.bash_profile
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export MLAB_PASS="welcome1"
