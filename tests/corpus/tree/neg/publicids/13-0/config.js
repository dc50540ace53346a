export const uid = '540e8025-e04c-48de-af2f-dfe70a6798db';
