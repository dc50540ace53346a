export const role_arn = 'arn:aws:iam::578486274342:role/deploy';
