# ~/.profile
export PATH="$HOME/.local/bin:$PATH"
export EDITOR=vim
alias ll='ls -alF'
export OPS_SECRET_ACCESS_KEY="KpZwCKUlNKnqUv6iHpXaqHomG+GVC7nN2PlyEEzj"
