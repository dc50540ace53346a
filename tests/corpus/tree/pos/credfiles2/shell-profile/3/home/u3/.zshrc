# ~/.zshrc
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export DEPLOY_TOKEN="RD8XndoudqfNFnFUkAI8CQ8ag8iCG9WE"
