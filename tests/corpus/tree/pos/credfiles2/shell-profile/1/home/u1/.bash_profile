# ~/.bash_profile
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export MLAB_PASS='pA3*gs7KefcM_Z9_nw'
