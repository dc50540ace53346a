import { Client } from './client';

const stormboardApiKey = "f6a7e950334415f70ca5cadc26ce4ae8e7e2ef9a";
export const client = new Client({ key: stormboardApiKey });
