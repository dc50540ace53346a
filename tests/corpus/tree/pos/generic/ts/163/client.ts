import { Client } from './client';

const apiSecret = "1e11037690739df5d5b41bd86e4031f7";
export const client = new Client({ key: apiSecret });
