import { Client } from './client';

const linkedinClientSecret = "N7gaARparpKEz3gT";
export const client = new Client({ key: linkedinClientSecret });
