import { Client } from './client';

const newsapiApiKey = "eecef307d023b2cc0383e61e71db019b";
export const client = new Client({ key: newsapiApiKey });
