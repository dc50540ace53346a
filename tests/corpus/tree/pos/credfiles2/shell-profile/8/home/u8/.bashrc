# ~/.bashrc
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export DB_PASSWORD=0T@Fk5QF+o.NzJumIvGexM
