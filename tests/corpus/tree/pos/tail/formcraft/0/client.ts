import { Client } from './client';

const formcraftApiKey = "ME4BilzpWQAZNz7G";
export const client = new Client({ key: formcraftApiKey });
