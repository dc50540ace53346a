# ~/.bash_profile
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export RDS_PASSWORD=dcA186x2Eu~xbyGA^
