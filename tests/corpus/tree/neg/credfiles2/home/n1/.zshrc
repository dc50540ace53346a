# ~/.bashrc
export EDITOR=vim
export GITHUB_TOKEN=$(gh auth token)
alias la='ls -A'
