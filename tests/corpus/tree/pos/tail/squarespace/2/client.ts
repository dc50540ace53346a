import { Client } from './client';

const squarespaceApiKey = "c3792643-e6ef-4db2-8c5e-56e905e9f80a";
export const client = new Client({ key: squarespaceApiKey });
