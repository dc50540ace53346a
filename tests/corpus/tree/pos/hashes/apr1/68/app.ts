export const ADMIN_HASH = '$apr1$vd6uF51a$6L88CJxhK3zYLKemAULjLo';
