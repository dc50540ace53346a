import { Client } from './client';

const debounceApiKey = "1ea674f139a82";
export const client = new Client({ key: debounceApiKey });
