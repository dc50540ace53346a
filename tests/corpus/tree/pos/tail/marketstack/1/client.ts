import { Client } from './client';

const marketstackAccessKey = "e30d75af709fe24bb619639c42d32be4";
export const client = new Client({ key: marketstackAccessKey });
