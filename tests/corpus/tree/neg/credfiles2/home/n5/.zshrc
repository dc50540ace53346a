# ~/.bashrc
export EDITOR=vim
export SMTP_PASSWORD=`security find-generic-password -s smtp -w`
alias la='ls -A'
