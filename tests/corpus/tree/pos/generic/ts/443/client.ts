import { Client } from './client';

const partnerSecret = "DiohWnfnR0jMVspfuTQYT4X?I";
export const client = new Client({ key: partnerSecret });
