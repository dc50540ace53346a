export const ADMIN_HASH = '$apr1$MszToe3s$BlKP6LamgBF0.9Fny9HXOX';
