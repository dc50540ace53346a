# ~/.profile
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export SMTP_PASSWORD='3%n46Kh!YbjQA&pWSGi'
