import { Client } from './client';

const ipapiAccessKey = "c340cbef9892e2b692963e181c87d298";
export const client = new Client({ key: ipapiAccessKey });
