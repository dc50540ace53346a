import { Client } from './client';

const statuscakeApiKey = "PdDm3rYOqRsRdS8OPH64";
export const client = new Client({ key: statuscakeApiKey });
