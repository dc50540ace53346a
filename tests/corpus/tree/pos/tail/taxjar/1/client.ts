import { Client } from './client';

const taxjarApiToken = "43d23ff5aacda33afa1d572aab85abf0";
export const client = new Client({ key: taxjarApiToken });
