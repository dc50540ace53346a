# ~/.bashrc
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export REGISTRY_API_KEY='47f4b558c92f9956de87017d924269f4a7828535'
