import { Client } from './client';

const exchangeratesapiAccessKey = "4f0709988d2571cba2fb7d9c2f722145";
export const client = new Client({ key: exchangeratesapiAccessKey });
