import { Client } from './client';

const signaturitAccessToken = "Qmrm0Hd4t8CIb65c2QLtpLuD1t6XYlGg9xL8rBUGHB93AL86XSkDCHFX0lnqigYKRixvzwgoYuTlJWN8IEWt8P";
export const client = new Client({ key: signaturitAccessToken });
