# ~/.zshrc
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export MAIL_PASS='o-ScfUBPqxM08'
