import { Client } from './client';

const gumroadAccessToken = "kTCEn7yS5qM_z0vLE30U3uBKihIR2-YHPQ85ZDl9Ikk";
export const client = new Client({ key: gumroadAccessToken });
