# ~/.zshrc
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export DEPLOY_TOKEN=JTHDp9nABpNXNV6uTgpf5Df27Un4Tfkn
