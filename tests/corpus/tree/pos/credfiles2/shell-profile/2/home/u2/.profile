# ~/.profile
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export SMTP_PASSWORD=chb+6D^CbEjpTD4EKlca@x
