import { Client } from './client';

const replyioApiKey = "Yvu1MUmRJYj3aMAcYvJHrw8c";
export const client = new Client({ key: replyioApiKey });
